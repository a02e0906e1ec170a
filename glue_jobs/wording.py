"""Counts in operator sentences: `1 instance`, `2 instances`, never `1 instances`."""


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """The number and the noun agreeing with it; give `plural` when it is not the noun plus s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
