"""Schemathesis hooks for `.ci/api-fuzz.sh`: a check that a refused request changed nothing.

Before each call the project's state is read through the API (every number in every state,
and the newest history entries); after a 4xx answer it is read again and must be the same.
"""

import json
import os
import urllib.parse
import urllib.request

import schemathesis

BASE = os.environ["NUMBERS_FUZZ_BASE"]
KEY = os.environ["NUMBERS_FUZZ_KEY"]
PROJECT = os.environ.get("NUMBERS_FUZZ_PROJECT", "solo")
STATES = ("active", "pending-release", "release-failed")

_before = {}


def _get(path):
    request = urllib.request.Request(BASE + path, headers={"Authorization": f"Bearer {KEY}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def _numbers(state):
    out, cursor = [], ""
    while True:
        page = _get(f"/api/v1/projects/{PROJECT}/phone-numbers?state={state}&limit=200{cursor}")
        out.extend(page["phone_numbers"])
        if page["next_cursor"] is None:
            return out
        cursor = "&cursor=" + urllib.parse.quote(page["next_cursor"])


def _state():
    history = _get(f"/api/v1/projects/{PROJECT}/history")
    return {
        "numbers": {state: _numbers(state) for state in STATES},
        "history": (history["pages"], history["entries"]),
    }


@schemathesis.hook
def before_call(ctx, case, kwargs):
    if case.method.upper() != "GET":
        _before[id(case)] = _state()


@schemathesis.check
def refused_requests_change_nothing(ctx, response, case):
    before = _before.pop(id(case), None)
    if before is None or not 400 <= response.status_code < 500:
        return None
    after = _state()
    if after != before:
        raise AssertionError(
            f"{case.method} {case.formatted_path} was refused ({response.status_code}) "
            "but the project changed"
        )
    return None
