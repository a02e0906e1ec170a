"""Which well-known runtime an installed application is, and its major version.

Java is recognised in every vendor spelling seen in rpm, dpkg, Homebrew and Windows installers;
libraries that merely mention Java or JavaScript are not Java. The major version comes from the
name when the name carries one (`graalvm-ce-java17` is 17), else from the version
(`1.8.0_392` is 8).
"""

from __future__ import annotations

import re

JAVA = "java"
PYTHON = "python"
NODEJS = "nodejs"

_JAVA_NAMES = re.compile(
    r"""
    ^java-(?:\d|latest)            # java-17-amazon-corretto, java-1.8.0-openjdk, java-latest-…
    | openjdk                      # openjdk-17-jre-headless, openjdk@17, Microsoft Build of OpenJDK
    | ^(?:jdk|jre)(?:\b|[-_ ]?\d)  # jdk-17, jdk1.8.0_392, jre-8
    | \b(?:temurin|corretto|zulu|semeru|graalvm|liberica|sapmachine|dragonwell|adoptopenjdk)
    | ^java\s*(?:\(tm\)|se\b|\d)   # Java(TM) SE Development Kit 17, Java 8 Update 391
    | ^oracle\s+java
    | ^default-j(?:re|dk)\b       # Debian's meta-packages
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PYTHON_NAMES = re.compile(
    r"^(?:python(?:[23](?:\.\d+)?)?(?:-minimal)?|python\s+\d+\.\d+(?:\.\d+)?\b.*)$", re.IGNORECASE
)
_NODE_NAMES = re.compile(r"^(?:nodejs|node|node\.js\b.*)$", re.IGNORECASE)

# A version number standing alone, or glued to a runtime word (java17, jdk1.8, openjdk@17);
# a number glued to any other letters (x64, gtk-4) is not a version.
_NAME_VERSION = re.compile(
    r"(?:^|[^0-9a-z]|java|jdk|jre|zulu|python|node)(\d+(?:\.\d+)*)", re.IGNORECASE
)
_VERSION_START = re.compile(r"^(?:\d+:)?(\d+)(?:[._](\d+))?")


def software_family(name: str | None) -> str | None:
    """'java', 'python' or 'nodejs' for those runtimes, else None."""
    if not name:
        return None
    name = name.strip()
    if _JAVA_NAMES.search(name):
        return JAVA
    if _PYTHON_NAMES.match(name):
        return PYTHON
    if _NODE_NAMES.match(name):
        return NODEJS
    return None


def major_version(family: str | None, name: str | None, version: str | None) -> int | None:
    """The runtime's major version, from the name when it carries one, else from the version."""
    if family is None:
        return None
    from_name = _major_from_name(name or "")
    return from_name if from_name is not None else _major_from_version(version or "")


def classify(name: str | None, version: str | None) -> tuple[str | None, int | None]:
    family = software_family(name)
    return family, major_version(family, name, version)


def _major_from_name(name: str) -> int | None:
    match = _NAME_VERSION.search(name)
    if match is None:
        return None
    return _legacy_major(match.group(1).split("."))


def _major_from_version(version: str) -> int | None:
    match = _VERSION_START.match(version.strip())
    if match is None:
        return None
    return _legacy_major([part for part in match.groups() if part is not None])


def _legacy_major(parts: list[str]) -> int | None:
    """1.8 is Java 8: a leading 1 with a minor part names the minor as the major."""
    major = int(parts[0])
    if major == 1 and len(parts) > 1:
        major = int(parts[1])
    return major if 0 < major < 100 else None
