"""Installed-package catalogs per distro, in the shapes the SSM agent's application gatherers emit.

rpm lines carry Release, Epoch and a source-rpm PackageId; dpkg lines a `_<arch>.deb` PackageId;
Windows lines a `{GUID}` product code and rarely anything else; macOS lines come from Homebrew or
pkg receipts. Versions are fixed per distro so the same package reads the same across a fleet.
"""

from __future__ import annotations

import functools
import random

from fleet_assets.sample.platforms import Distro

# (name, rpm group / dpkg section, summary, url)
_LINUX_BASE = (
    (
        "bash",
        "System Environment/Shells",
        "The GNU Bourne Again shell",
        "https://www.gnu.org/software/bash",
    ),
    (
        "coreutils",
        "System Environment/Base",
        "A set of basic GNU tools",
        "https://www.gnu.org/software/coreutils/",
    ),
    (
        "curl",
        "Applications/Internet",
        "A utility for getting files from remote servers",
        "https://curl.se/",
    ),
    (
        "openssl",
        "System Environment/Libraries",
        "Utilities from the general purpose cryptography library",
        "http://www.openssl.org/",
    ),
    (
        "glibc",
        "System Environment/Libraries",
        "The GNU libc libraries",
        "http://www.gnu.org/software/glibc/",
    ),
    ("systemd", "System Environment/Base", "System and Service Manager", "https://systemd.io"),
    (
        "openssh",
        "Applications/Internet",
        "An open source implementation of SSH protocol version 2",
        "http://www.openssh.com/portable.html",
    ),
    (
        "python3",
        "Development/Languages",
        "Interpreter of the Python programming language",
        "https://www.python.org/",
    ),
    (
        "perl",
        "Development/Languages",
        "Practical Extraction and Report Language",
        "http://www.perl.org/",
    ),
    ("vim", "Applications/Editors", "The VIM editor", "http://www.vim.org/"),
    (
        "sudo",
        "Applications/System",
        "Allows restricted root access for specified users",
        "https://www.sudo.ws",
    ),
    (
        "tar",
        "Applications/Archiving",
        "A GNU file archiving program",
        "http://www.gnu.org/software/tar/",
    ),
    ("gzip", "Applications/File", "The GNU data compression program", "http://www.gzip.org/"),
    (
        "zlib",
        "System Environment/Libraries",
        "The compression and decompression library",
        "http://www.zlib.net/",
    ),
    ("xz", "Applications/File", "LZMA compression utilities", "http://tukaani.org/xz/"),
    ("sed", "Applications/Text", "A GNU stream text editor", "http://sed.sourceforge.net/"),
    (
        "gawk",
        "Applications/Text",
        "The GNU version of the AWK text processing utility",
        "http://www.gnu.org/software/gawk/gawk.html",
    ),
    (
        "grep",
        "Applications/Text",
        "Pattern matching utilities",
        "http://www.gnu.org/software/grep/",
    ),
    (
        "rsync",
        "Applications/Internet",
        "A program for synchronizing files over a network",
        "http://rsync.samba.org/",
    ),
    (
        "chrony",
        "System Environment/Daemons",
        "An NTP client/server",
        "https://chrony.tuxfamily.org",
    ),
    (
        "audit",
        "System Environment/Daemons",
        "User space tools for kernel auditing",
        "http://people.redhat.com/sgrubb/audit/",
    ),
    (
        "cronie",
        "System Environment/Base",
        "Cron daemon for executing programs at set times",
        "https://github.com/cronie-crond/cronie",
    ),
    (
        "logrotate",
        "System Environment/Base",
        "Rotates, compresses, removes and mails system log files",
        "https://github.com/logrotate/logrotate",
    ),
    (
        "rsyslog",
        "System Environment/Daemons",
        "Enhanced system logging and kernel message trapping daemon",
        "http://www.rsyslog.com/",
    ),
    (
        "nginx",
        "System Environment/Daemons",
        "A high performance web server and reverse proxy server",
        "http://nginx.org/",
    ),
    ("httpd", "System Environment/Daemons", "Apache HTTP Server", "https://httpd.apache.org/"),
    ("git", "Development/Tools", "Fast Version Control System", "https://git-scm.com/"),
    (
        "make",
        "Development/Tools",
        "A GNU tool which simplifies the build process",
        "http://www.gnu.org/software/make/",
    ),
    (
        "gcc",
        "Development/Languages",
        "Various compilers (C, C++, Objective-C, ...)",
        "http://gcc.gnu.org",
    ),
    (
        "binutils",
        "Development/Tools",
        "A GNU collection of binary utilities",
        "http://sources.redhat.com/binutils",
    ),
    (
        "krb5",
        "System Environment/Libraries",
        "The Kerberos network authentication system",
        "http://web.mit.edu/kerberos/www/",
    ),
    (
        "cyrus-sasl",
        "System Environment/Libraries",
        "The Cyrus SASL library",
        "https://www.cyrusimap.org/sasl/",
    ),
    (
        "libxml2",
        "Development/Libraries",
        "Library providing XML and HTML support",
        "http://xmlsoft.org/",
    ),
    (
        "sqlite",
        "Applications/Databases",
        "Library that implements an embeddable SQL database engine",
        "http://www.sqlite.org/",
    ),
    (
        "nss",
        "System Environment/Libraries",
        "Network Security Services",
        "http://www.mozilla.org/projects/security/pki/nss/",
    ),
    (
        "pcre2",
        "System Environment/Libraries",
        "Perl-compatible regular expression library",
        "http://www.pcre.org/",
    ),
    (
        "ncurses",
        "System Environment/Base",
        "Ncurses support utilities",
        "https://invisible-island.net/ncurses/ncurses.html",
    ),
    (
        "readline",
        "System Environment/Libraries",
        "A library for editing typed command lines",
        "http://cnswww.cns.cwru.edu/php/chet/readline/rltop.html",
    ),
    (
        "util-linux",
        "System Environment/Base",
        "A collection of basic system utilities",
        "http://en.wikipedia.org/wiki/Util-linux",
    ),
    (
        "e2fsprogs",
        "System Environment/Base",
        "Utilities for managing ext2, ext3, and ext4 file systems",
        "http://e2fsprogs.sourceforge.net/",
    ),
    (
        "xfsprogs",
        "System Environment/Base",
        "Utilities for managing the XFS filesystem",
        "https://xfs.wiki.kernel.org",
    ),
    (
        "lvm2",
        "System Environment/Base",
        "Userland logical volume management tools",
        "http://sources.redhat.com/lvm2",
    ),
    (
        "iproute",
        "Applications/System",
        "Advanced IP routing and network device configuration tools",
        "https://kernel.org/pub/linux/utils/net/iproute2/",
    ),
    (
        "iptables",
        "System Environment/Base",
        "Tools for managing Linux kernel packet filtering capabilities",
        "http://www.netfilter.org/",
    ),
    (
        "net-tools",
        "System Environment/Base",
        "Basic networking tools",
        "http://sourceforge.net/projects/net-tools/",
    ),
    (
        "bind",
        "System Environment/Daemons",
        "The Berkeley Internet Name Domain (BIND) DNS server",
        "https://www.isc.org/downloads/bind/",
    ),
    (
        "dbus",
        "System Environment/Libraries",
        "D-BUS message bus",
        "http://www.freedesktop.org/Software/dbus/",
    ),
    (
        "polkit",
        "System Environment/Libraries",
        "An authorization framework",
        "http://www.freedesktop.org/wiki/Software/polkit",
    ),
    (
        "shadow-utils",
        "System Environment/Base",
        "Utilities for managing accounts and shadow password files",
        "http://pkg-shadow.alioth.debian.org/",
    ),
    (
        "pam",
        "System Environment/Base",
        "An extensible library which provides authentication for applications",
        "http://www.linux-pam.org/",
    ),
    (
        "libcap",
        "System Environment/Libraries",
        "Library for getting and setting POSIX.1e capabilities",
        "https://sites.google.com/site/fullycapable/",
    ),
    (
        "libselinux",
        "System Environment/Libraries",
        "SELinux library and simple utilities",
        "https://github.com/SELinuxProject/selinux/wiki",
    ),
    (
        "expat",
        "System Environment/Libraries",
        "An XML parser library",
        "https://libexpat.github.io/",
    ),
    (
        "libffi",
        "System Environment/Libraries",
        "A portable foreign function interface library",
        "http://sourceware.org/libffi",
    ),
    (
        "gnupg2",
        "Applications/System",
        "Utility for secure communication and data storage",
        "http://www.gnupg.org/",
    ),
    (
        "ca-certificates",
        "System Environment/Base",
        "The Mozilla CA root certificate bundle",
        "http://www.mozilla.org/",
    ),
    (
        "cloud-init",
        "System Environment/Base",
        "Cloud instance init scripts",
        "http://launchpad.net/cloud-init",
    ),
    (
        "amazon-ssm-agent",
        "Amazon/Tools",
        "Manage EC2 Instances using Systems Manager",
        "https://github.com/aws/amazon-ssm-agent",
    ),
    (
        "aws-cfn-bootstrap",
        "Applications/System",
        "An EC2 bootstrapper for CloudFormation",
        "https://aws.amazon.com/cloudformation/",
    ),
    (
        "awscli",
        "Applications/System",
        "Universal Command Line Environment for AWS",
        "https://aws.amazon.com/cli/",
    ),
    (
        "postgresql",
        "Applications/Databases",
        "PostgreSQL client programs",
        "http://www.postgresql.org/",
    ),
    ("redis", "Applications/Databases", "A persistent key-value database", "http://redis.io"),
    (
        "docker",
        "System Environment/Base",
        "Automates deployment of containerized applications",
        "https://github.com/docker/docker",
    ),
    (
        "containerd",
        "System Environment/Base",
        "An industry-standard container runtime",
        "https://containerd.io/",
    ),
)
_RPM_SUFFIXES = ("", "-libs", "-devel", "-common")
_DEB_SUFFIXES = ("", "-common", "-data", "-doc")


def _dotted_version(rng: random.Random) -> str:
    return f"{rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 20)}"


def _rpm_line(
    distro: Distro, base: tuple[str, str, str, str], suffix: str, rng: random.Random
) -> dict[str, str]:
    """One binary rpm; its subpackages share the source rpm's version, release and epoch."""
    name = base[0] + suffix
    versions = random.Random(f"{distro.key}:{base[0]}")
    version = _dotted_version(versions)
    release = f"{versions.randint(1, 30)}{distro.release_suffix}"
    epoch = versions.choice(("", "", "", "1", "2", "6", "14"))
    source = f"{base[0]}-{epoch}:{version}-{release}" if epoch else f"{base[0]}-{version}-{release}"
    arch = "noarch" if suffix == "-common" or rng.random() < 0.1 else "x86_64"
    return {
        "Name": name,
        "Version": version,
        "Release": release,
        "Epoch": epoch,
        "Publisher": distro.publisher,
        "ApplicationType": base[1],
        "Architecture": arch,
        "URL": base[3],
        "Summary": base[2],
        "PackageId": f"{source}.src.rpm",
    }


def _deb_line(
    distro: Distro, base: tuple[str, str, str, str], suffix: str, rng: random.Random
) -> dict[str, str]:
    name = base[0] + suffix
    versions = random.Random(f"{distro.key}:{base[0]}")
    version = f"{_dotted_version(versions)}-{versions.randint(1, 9)}ubuntu{versions.randint(0, 5)}"
    deb_arch = "all" if suffix in ("-common", "-data", "-doc") else "amd64"
    section = base[1].split("/")[-1].lower()
    line = {
        "Name": name,
        "Version": version,
        "Publisher": distro.publisher,
        "ApplicationType": section,
        "Architecture": "all" if deb_arch == "all" else "x86_64",
        "Summary": base[2],
        "PackageId": f"{name}_{version}_{deb_arch}.deb",
    }
    if rng.random() < 0.6:
        line["URL"] = base[3]
    return line


_WINDOWS_APPS = (
    ("Amazon SSM Agent", "Amazon Web Services"),
    ("AWS Tools for Windows", "Amazon Web Services Developer Relations"),
    ("AWS PV Drivers", "Amazon Web Services"),
    ("Amazon CloudWatch Agent", "Amazon.com, Inc."),
    ("aws-cfn-bootstrap", "Amazon Web Services"),
    ("Google Chrome", "Google LLC"),
    ("Mozilla Firefox (x64 en-US)", "Mozilla"),
    ("Notepad++ (64-bit x64)", "Notepad++ Team"),
    ("7-Zip 23.01 (x64)", "Igor Pavlov"),
    ("Git", "The Git Development Community"),
    ("PowerShell 7-x64", "Microsoft Corporation"),
    ("Microsoft Edge", "Microsoft Corporation"),
    ("Microsoft Edge Update", ""),
    ("Microsoft SQL Server 2019 (64-bit)", "Microsoft Corporation"),
    ("Microsoft SQL Server Management Studio - 19.1", "Microsoft Corporation"),
    ("Microsoft ODBC Driver 17 for SQL Server", "Microsoft Corporation"),
    ("Microsoft OLE DB Driver for SQL Server", "Microsoft Corporation"),
    ("Microsoft Web Deploy 4.0", "Microsoft Corporation"),
    ("IIS URL Rewrite Module 2", "Microsoft Corporation"),
    ("Microsoft Monitoring Agent", "Microsoft Corporation"),
    ("Splunk UniversalForwarder", "Splunk, Inc."),
    ("CrowdStrike Windows Sensor", "CrowdStrike, Inc."),
    ("Qualys Cloud Security Agent", "Qualys, Inc."),
    ("Datadog Agent", "Datadog, Inc."),
    ("Python 3.11.6 (64-bit)", "Python Software Foundation"),
    ("Go Programming Language amd64 go1.8.3", "The Go Authors"),
    ("Node.js", "Node.js Foundation"),
    ("Microsoft Windows Desktop Runtime - 6.0.25 (x64)", "Microsoft Corporation"),
    ("Microsoft ASP.NET Core 6.0.25 - Shared Framework (x64)", "Microsoft Corporation"),
    ("Microsoft .NET Runtime - 6.0.25 (x64)", "Microsoft Corporation"),
    ("Microsoft .NET Host - 7.0.14 (x64)", "Microsoft Corporation"),
    ("Microsoft .NET Framework 4.8 Targeting Pack", "Microsoft Corporation"),
    ("Windows Admin Center", "Microsoft Corporation"),
    ("Local Administrator Password Solution", "Microsoft Corporation"),
    ("Microsoft Policy Platform", "Microsoft Corporation"),
    ("Microsoft Visual Studio Code", "Microsoft Corporation"),
    ("WinSCP 6.1.2", "Martin Prikryl"),
    ("PuTTY release 0.79 (64-bit)", "Simon Tatham"),
    ("Wireshark 4.2.0 64-bit", "The Wireshark developer community, https://www.wireshark.org"),
    ("Npcap", "Nmap Project"),
    ("VMware Tools", "VMware, Inc."),
    ("Adobe Acrobat Reader DC", "Adobe Systems Incorporated"),
    ("Microsoft Office Professional Plus 2019", "Microsoft Corporation"),
    ("Citrix Workspace 2311", "Citrix Systems, Inc."),
    ("Octopus Deploy Tentacle", "Octopus Deploy Pty. Ltd."),
    ("Jenkins", "Jenkins project"),
    ("Apache Tomcat 9.0 Tomcat9 (remove only)", "The Apache Software Foundation"),
    ("Société Générale Signing Client", "Société Générale"),
)
_VCREDIST_YEARS = (
    ("2005", "8.0.61001"),
    ("2008", "9.0.30729"),
    ("2010", "10.0.40219"),
    ("2012", "11.0.61030"),
    ("2013", "12.0.40664"),
    ("2015-2022", "14.38.33130"),
)


def _guid(rng: random.Random) -> str:
    hexes = f"{rng.getrandbits(128):032X}"
    return f"{{{hexes[:8]}-{hexes[8:12]}-{hexes[12:16]}-{hexes[16:20]}-{hexes[20:]}}}"


def _windows_catalog(rng: random.Random) -> list[dict[str, str]]:
    named = [(name, publisher) for name, publisher in _WINDOWS_APPS]
    for year, version in _VCREDIST_YEARS:
        for arch in ("x64", "x86"):
            for part in ("Minimum Runtime", "Additional Runtime"):
                label = f"Microsoft Visual C++ {year} {arch} {part} - {version}"
                named.append((label, "Microsoft Corporation"))
    for _ in range(20):
        named.append(
            (
                f"Update for Windows Server (KB50{rng.randint(10000, 49999)})",
                "Microsoft Corporation",
            )
        )
    catalog = []
    for name, publisher in named:
        line = {
            "Name": name,
            "Version": f"{rng.randint(1, 23)}.{rng.randint(0, 9)}.{rng.randint(0, 9999)}.0",
            "Publisher": publisher,
            "Architecture": rng.choice(("x86_64", "x86_64", "i386")),
            "PackageId": _guid(rng),
        }
        if name == "Go Programming Language amd64 go1.8.3":
            line["URL"] = "https://golang.org"
        catalog.append(line)
    return catalog


_HOMEBREW = (
    "git",
    "wget",
    "jq",
    "awscli",
    "python@3.11",
    "python@3.12",
    "node",
    "openssl@3",
    "readline",
    "sqlite",
    "xz",
    "zstd",
    "lz4",
    "pcre2",
    "gettext",
    "libyaml",
    "ca-certificates",
    "gmp",
    "mpdecimal",
    "coreutils",
    "gnu-sed",
    "gnupg",
    "ripgrep",
    "fd",
    "htop",
    "tmux",
    "watch",
    "tree",
    "cmake",
    "ninja",
    "pkg-config",
    "autoconf",
    "automake",
    "libtool",
    "icu4c",
    "protobuf",
    "go",
    "rust",
    "ruby",
    "fastlane",
    "cocoapods",
    "carthage",
    "swiftlint",
    "xcodegen",
    "terraform",
    "packer",
    "gh",
    "yq",
    "curl",
    "libssh2",
)
_PKG_RECEIPTS = (
    "com.apple.pkg.XProtectPayloads",
    "com.apple.pkg.MRTConfigData",
    "com.apple.pkg.CLTools_Executables",
    "com.apple.pkg.CLTools_SDK_macOS14",
    "com.apple.pkg.Xcode",
    "com.apple.pkg.MobileDevice",
    "com.amazon.aws.ssm",
    "com.amazon.aws.cli2",
    "com.apple.pkg.RosettaUpdateAuto",
    "com.apple.pkg.XProtectPlistConfigData",
    "com.apple.pkg.GatekeeperCompatibilityData",
    "com.jamf.protect",
    "org.python.Python.PythonFramework-3.11",
)


def _macos_catalog(rng: random.Random) -> list[dict[str, str]]:
    catalog = [
        {
            "Name": formula,
            "Version": _dotted_version(rng),
            "Publisher": "Homebrew",
            "ApplicationType": "homebrew",
            "Architecture": "arm64",
            "URL": f"https://formulae.brew.sh/formula/{formula}",
            "PackageId": f"homebrew/core/{formula}",
        }
        for formula in _HOMEBREW
    ]
    catalog += [
        {
            "Name": receipt.rsplit(".", 1)[-1],
            "Version": _dotted_version(rng),
            "Publisher": receipt.split(".")[1].capitalize(),
            "ApplicationType": "pkg",
            "Architecture": "arm64",
            "PackageId": receipt,
        }
        for receipt in _PKG_RECEIPTS
    ]
    return catalog


@functools.cache
def package_catalog(distro: Distro) -> tuple[dict[str, str], ...]:
    """Every package a node of this distro may have, with its distro-wide version."""
    rng = random.Random(f"catalog:{distro.key}")
    if distro.package_format == "msi":
        return tuple(_windows_catalog(rng))
    if distro.package_format == "pkg":
        return tuple(_macos_catalog(rng))
    build = _rpm_line if distro.package_format == "rpm" else _deb_line
    suffixes = _RPM_SUFFIXES if distro.package_format == "rpm" else _DEB_SUFFIXES
    return tuple(build(distro, base, suffix, rng) for base in _LINUX_BASE for suffix in suffixes)
