"""Instance tags as AWS:Tag reports them, and the environment rule the curated tables apply."""

from __future__ import annotations

import random

from glue_jobs.normalize import ENVIRONMENT_ALIASES

# Real-world spellings of one environment, and how often each family occurs.
ENVIRONMENT_SPELLINGS = (
    (0.40, ("Production", "prod", "PROD", "Prd")),
    (0.15, ("Stage", "staging")),
    (0.20, ("Development", "dev")),
    (0.10, ("QA",)),
)
_TEAMS = ("payments", "search", "platform", "identity", "billing", "data", "web", "mobile")
_ROLES = ("api", "worker", "db", "cache", "batch", "web", "build", "bastion")


def environment_value(rng: random.Random) -> str | None:
    """An Environment tag value in one of its real spellings, or None for no environment."""
    draw = rng.random()
    for share, spellings in ENVIRONMENT_SPELLINGS:
        if draw < share:
            return rng.choice(spellings)
        draw -= share
    return None


def instance_tags(
    rng: random.Random,
    environment: str | None,
    platform_type: str,
    environment_key: str = "Environment",
) -> list[tuple[str, str]]:
    team = rng.choice(_TEAMS)
    tags = [("Name", f"{team}-{rng.choice(_ROLES)}-{rng.randint(1, 40):02d}")]
    if environment is not None:
        tags.append((environment_key, environment))
    if rng.random() < 0.7:
        tags.append(("Owner", f"team-{team}@example.com"))
    if rng.random() < 0.6:
        tags.append(
            ("Patch Group", f"{normalise_environment(environment)}-{platform_type.lower()}")
        )
    if rng.random() < 0.3:
        tags.append(("CostCenter", f"CC-{rng.randint(1000, 9999)}"))
    return tags


def patch_group(tags: list[tuple[str, str]]) -> str:
    return next((value for key, value in tags if key == "Patch Group"), "")


def normalise_environment(value: str | None) -> str:
    if value is None:
        return "unknown"
    folded = value.strip().lower()
    return ENVIRONMENT_ALIASES.get(folded, folded)


def environment_of(tags: list[tuple[str, str]]) -> str:
    """The exact key `Environment` wins; otherwise any key equal to it ignoring case."""
    exact = [value for key, value in tags if key == "Environment"]
    loose = [value for key, value in tags if key.lower() == "environment"]
    chosen = exact or loose
    return normalise_environment(chosen[0] if chosen else None)
