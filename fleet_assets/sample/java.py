"""Java runtimes in the vendor spellings each package format uses, and look-alikes that are not.

Each runtime carries the major version a correct classifier must report; the decoys must get none.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JavaRuntime:
    major: int
    line: dict[str, str]


def _rpm(name: str, version: str, release: str, epoch: str, source: str, major: int) -> JavaRuntime:
    package_id = (
        f"{source}-{epoch}:{version}-{release}.src.rpm"
        if epoch
        else (f"{source}-{version}-{release}.src.rpm")
    )
    return JavaRuntime(
        major,
        {
            "Name": name,
            "Version": version,
            "Release": release,
            "Epoch": epoch,
            "Publisher": "Amazon Linux",
            "ApplicationType": "Development/Languages",
            "Architecture": "x86_64",
            "URL": "https://openjdk.org/",
            "Summary": "OpenJDK Runtime Environment",
            "PackageId": package_id,
        },
    )


def _deb(name: str, version: str, publisher: str, major: int) -> JavaRuntime:
    return JavaRuntime(
        major,
        {
            "Name": name,
            "Version": version,
            "Publisher": publisher,
            "ApplicationType": "java",
            "Architecture": "x86_64",
            "Summary": "OpenJDK Java runtime, using Hotspot JIT",
            "PackageId": f"{name}_{version}_amd64.deb",
        },
    )


def _msi(name: str, version: str, publisher: str, guid: str, major: int) -> JavaRuntime:
    return JavaRuntime(
        major,
        {
            "Name": name,
            "Version": version,
            "Publisher": publisher,
            "Architecture": "x86_64",
            "PackageId": guid,
        },
    )


def _brew(name: str, version: str, major: int) -> JavaRuntime:
    return JavaRuntime(
        major,
        {
            "Name": name,
            "Version": version,
            "Publisher": "Homebrew",
            "ApplicationType": "homebrew",
            "Architecture": "arm64",
            "URL": f"https://formulae.brew.sh/formula/{name}",
            "PackageId": f"homebrew/core/{name}",
        },
    )


RPM_JAVA = (
    _rpm("java-17-amazon-corretto", "17.0.9+8", "1.amzn2.1", "1", "java-17-amazon-corretto", 17),
    _rpm("java-1.8.0-openjdk", "1.8.0.392.b08", "1.amzn2.0.1", "1", "java-1.8.0-openjdk", 8),
    _rpm("java-11-openjdk-headless", "11.0.21.0.9", "2.el8", "1", "java-11-openjdk", 11),
    _rpm("temurin-21-jdk", "21.0.1.0.0.12", "1", "", "temurin-21-jdk", 21),
    _rpm("graalvm-ce-java17", "22.3.1", "1", "", "graalvm-ce-java17", 17),
)
DEB_JAVA = (
    _deb(
        "openjdk-17-jre-headless",
        "17.0.9+9-1~22.04",
        "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>",
        17,
    ),
    _deb("temurin-21-jdk", "21.0.1.0.0+12", "Eclipse Adoptium <temurin-dev@eclipse.org>", 21),
    _deb("zulu-11", "11.68.17", "Azul Systems <support@azul.com>", 11),
)
WINDOWS_JAVA = (
    _msi(
        "Java 8 Update 391",
        "8.0.3910.13",
        "Oracle Corporation",
        "{26A24AE4-039D-4CA4-87B4-2F64180391F0}",
        8,
    ),
    _msi(
        "Java(TM) SE Development Kit 17.0.2 (64-bit)",
        "17.0.2.0",
        "Oracle Corporation",
        "{F1F6B9E4-5C3B-5A5E-B6B2-6D2E3A0D1702}",
        17,
    ),
    _msi(
        "Amazon Corretto 17",
        "17.0.9.8",
        "Amazon.com Inc.",
        "{4E2D9B5A-7F0C-4E9B-9E8F-2C2E1D8A1709}",
        17,
    ),
    _msi(
        "Eclipse Temurin JDK with Hotspot 21.0.1+12 (x64)",
        "21.0.1.12",
        "Eclipse Adoptium",
        "{6C1A2F3E-8D4B-4A5C-9E6F-7A8B9C0D2101}",
        21,
    ),
)
MACOS_JAVA = (
    _brew("openjdk@17", "17.0.9", 17),
    _brew("graalvm-ce-java17", "22.3.1", 17),
)

RPM_DECOYS = (
    {
        "Name": "tzdata-java",
        "Version": "2023c",
        "Release": "1.el8",
        "Epoch": "",
        "Publisher": "Red Hat, Inc.",
        "ApplicationType": "System Environment/Base",
        "Architecture": "noarch",
        "URL": "https://www.iana.org/time-zones",
        "Summary": "Timezone data for Java",
        "PackageId": "tzdata-2023c-1.el8.src.rpm",
    },
)
DEB_DECOYS = (
    {
        "Name": "javascript-common",
        "Version": "11+nmu1",
        "Publisher": "Debian Javascript Maintainers",
        "ApplicationType": "web",
        "Architecture": "all",
        "Summary": "Base support for JavaScript",
        "PackageId": "javascript-common_11+nmu1_all.deb",
    },
    {
        "Name": "java-common",
        "Version": "0.72build2",
        "Publisher": "Debian Java Maintainers",
        "ApplicationType": "java",
        "Architecture": "all",
        "Summary": "Base package for Java runtimes",
        "PackageId": "java-common_0.72build2_all.deb",
    },
    {
        "Name": "libjavascriptcoregtk-4.0-18",
        "Version": "2.42.2-0ubuntu0.22.04.1",
        "Publisher": "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>",
        "ApplicationType": "libs",
        "Architecture": "x86_64",
        "Summary": "JavaScript engine library from WebKitGTK",
        "PackageId": "libjavascriptcoregtk-4.0-18_2.42.2-0ubuntu0.22.04.1_amd64.deb",
    },
)


def runtimes_for(package_format: str) -> tuple[JavaRuntime, ...]:
    return {"rpm": RPM_JAVA, "deb": DEB_JAVA, "msi": WINDOWS_JAVA, "pkg": MACOS_JAVA}[
        package_format
    ]


def decoys_for(package_format: str) -> tuple[dict[str, str], ...]:
    return {"rpm": RPM_DECOYS, "deb": DEB_DECOYS}.get(package_format, ())
