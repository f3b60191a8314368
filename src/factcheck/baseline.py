"""Fingerprints and baselines: adopt factcheck on an archive by recording today's findings, then see only
new ones. A fingerprint is the rule plus the normalised evidence text, so it survives edits elsewhere in
the file (line numbers are not part of it)."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from .errors import ConfigError
from .models import Report

VERSION = 1


def fingerprint(rule: str, texts) -> str:
    normal = [" ".join(t.lower().split()) for t in texts]
    return hashlib.sha256("\x1f".join([rule, *normal]).encode("utf-8")).hexdigest()[:24]


def _key(path: str) -> str:
    return Path(path).as_posix().removeprefix("./")


def write_baseline(report: Report, target: Path) -> int:
    entries = [{"path": _key(f.path), "rule": x.rule, "fingerprint": x.fingerprint, "text": x.evidence[0].text}
               for f in report.files for x in f.findings]
    target.write_text(json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Counter((_key(e["path"]), e["fingerprint"]) for e in data["findings"])
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline not found; create it with `factcheck baseline PATH... -o {path}`") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a factcheck baseline ({exc})") from None


def without_baseline(report: Report, known: Counter) -> Report:
    """The report less the findings the baseline records (each recorded finding hides one)."""
    left = Counter(known)
    files = []
    for f in report.files:
        kept = []
        for x in f.findings:
            k = (_key(f.path), x.fingerprint)
            if left[k] > 0:
                left[k] -= 1
            else:
                kept.append(x)
        files.append(f.model_copy(update={"findings": tuple(kept)}))
    return Report.of(files)


__all__ = ["fingerprint", "write_baseline", "read_baseline", "without_baseline"]
