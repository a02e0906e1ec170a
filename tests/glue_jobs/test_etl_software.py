import pytest

from glue_jobs.software import classify


@pytest.mark.parametrize(
    ("name", "version", "expected"),
    [
        ("java-17-amazon-corretto", "17.0.9+8.1", ("java", 17)),
        ("java-1.8.0-openjdk", "1.8.0.392.b08-1.amzn2", ("java", 8)),
        ("java-11-openjdk-headless", "11.0.21.0.9-1.amzn2", ("java", 11)),
        ("openjdk-17-jre-headless", "17.0.9+9-1~22.04", ("java", 17)),
        ("temurin-21-jdk", "21.0.1.0.0+12", ("java", 21)),
        ("zulu-11", "11.0.21", ("java", 11)),
        ("Java 8 Update 391", "8.0.3910.13", ("java", 8)),
        ("Java(TM) SE Development Kit 17.0.2 (64-bit)", "17.0.2.0", ("java", 17)),
        ("Amazon Corretto 17", "17.0.9.8", ("java", 17)),
        ("Eclipse Temurin JDK with Hotspot 21.0.1+12 (x64)", "21.0.1.12", ("java", 21)),
        ("Microsoft Build of OpenJDK with Hotspot 17.0.9+8 (x64)", "17.0.9.8", ("java", 17)),
        ("graalvm-ce-java17", "22.3.1", ("java", 17)),
        ("jdk-17", "17.0.9-ga", ("java", 17)),
        ("jdk1.8.0_392", "1.8.0_392-fcs", ("java", 8)),
        ("openjdk@17", "17.0.9", ("java", 17)),
        ("Azul Zulu JDK", "11.0.21", ("java", 11)),
        ("IBM Semeru Runtime Open Edition", "17.0.9.0", ("java", 17)),
        ("java-latest-openjdk", "21.0.1.0.12-1.rolling.el9", ("java", 21)),
        ("default-jre", "2:1.17-75", ("java", 17)),
    ],
)
def test_java_is_recognised_in_every_vendor_spelling_with_its_major_version(
    name, version, expected
):
    assert classify(name, version) == expected


@pytest.mark.parametrize(
    "name",
    [
        "javascript-common",
        "libjavascriptcoregtk-4.0-18",
        "java-common",
        "javapackages-tools",
        "tzdata-java",
        "libjna-java",
        "ca-certificates-java",
        "Notepad++ (64-bit x64)",
    ],
)
def test_libraries_that_mention_java_or_javascript_are_not_a_runtime(name):
    assert classify(name, "1.8.0") == (None, None)


@pytest.mark.parametrize(
    ("version", "major"),
    [("1.8.0_392", 8), ("17.0.9+9", 17), ("11.0.21.0.9-1.amzn2", 11), ("1:11.0.21+9-1", 11)],
)
def test_without_a_number_in_the_name_the_major_version_comes_from_the_version(version, major):
    assert classify("Azul Zulu", version) == ("java", major)


def test_a_java_version_that_cannot_be_read_gives_no_major_version():
    assert classify("java-latest-openjdk", "latest") == ("java", None)


@pytest.mark.parametrize(
    ("name", "version", "expected"),
    [
        ("python3", "3.9.16", ("python", 3)),
        ("python3.11", "3.11.6", ("python", 3)),
        ("Python 3.12.1 (64-bit)", "3.12.1150.0", ("python", 3)),
        ("python3-requests", "2.25.1", (None, None)),
        ("nodejs", "18.19.0-1nodesource1", ("nodejs", 18)),
        ("Node.js", "20.10.0", ("nodejs", 20)),
    ],
)
def test_python_and_nodejs_are_recognised_but_their_libraries_are_not(name, version, expected):
    assert classify(name, version) == expected
