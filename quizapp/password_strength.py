"""Refuse passwords that are common, leaked or built from the account's own details.

zxcvbn (offline) matches a password against the 30,000 most common passwords
from leaked password sets, English words, names, keyboard walks, sequences,
repeats and dates, and against the account's own email address and name, and
estimates how many guesses it would take. A password it rates below
``MIN_SCORE`` (fewer than about a million guesses) is refused with a message
saying why. Only the first ``CHECKED_LENGTH`` characters are rated, which
bounds the time a very long password can take.
"""

from collections.abc import Iterable

from zxcvbn import zxcvbn

MIN_SCORE = 2
CHECKED_LENGTH = 64  # zxcvbn refuses more than 72; repeats of 72 take ~0.4 s

COMMON_MESSAGE = "This password is on a list of common or leaked passwords."
OWN_DETAILS_MESSAGE = "Do not use your email address or your name in your password."
GUESSABLE_MESSAGE = "This password would be easy to guess."
ADVICE = "A few unrelated words make a good one."


def _own_details(user_inputs: Iterable[str]) -> list[str]:
    """The account's details as zxcvbn should know them: whole, and split into parts."""
    details = []
    for value in user_inputs:
        value = (value or "").strip().lower()
        if not value:
            continue
        details.append(value)
        local, _, domain = value.partition("@")
        details.extend(part for part in (local, domain.split(".")[0]) if len(part) >= 3)
        details.extend(word for word in value.split() if len(word) >= 3)
    return details


def weakness(password: str, user_inputs: Iterable[str] = ()) -> str | None:
    """Why the password is refused (a message for the person choosing it), or None."""
    result = zxcvbn(password[:CHECKED_LENGTH], user_inputs=_own_details(user_inputs))
    if result["score"] >= MIN_SCORE:
        return None
    dictionaries = {match.get("dictionary_name") for match in result["sequence"]}
    if "user_inputs" in dictionaries:
        reason = OWN_DETAILS_MESSAGE
    elif "passwords" in dictionaries:
        reason = COMMON_MESSAGE
    else:
        reason = result["feedback"]["warning"] or GUESSABLE_MESSAGE
        if not reason.endswith("."):
            reason += "."
    return f"{reason} {ADVICE}"
