"""Fingerprints and baselines: adopt factcheck on an archive by recording today's findings, then see only
new ones. A fingerprint is the rule plus the normalised evidence text, so it survives edits elsewhere in
the file (line numbers are not part of it). Paths are recorded relative to the baseline file's folder, so
a baseline hides the same findings whichever folder factcheck runs from."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .files import DEFAULT_MAX_SIZE, TooLarge, read_regular, relative_name, write_atomic
from .models import FileReport, Report

VERSION = 1


@dataclass(frozen=True)
class Baseline:
    """The findings a baseline file records: how many of each (path, fingerprint), with paths relative to
    `folder`, the baseline file's folder."""

    folder: Path
    known: Counter


def fingerprint(rule: str, texts) -> str:
    normal = [" ".join(t.lower().split()) for t in texts]
    return hashlib.sha256("\x1f".join([rule, *normal]).encode("utf-8")).hexdigest()[:24]


def write_baseline(report: Report, target: Path) -> int:
    folder = target.parent
    entries = [{"path": relative_name(f.origin, folder), "rule": x.rule, "fingerprint": x.fingerprint,
                "text": x.evidence[0].text}
               for f in report.files for x in f.findings]
    write_atomic(target, json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n")
    return len(entries)


def read_baseline(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> Baseline:
    try:
        data = json.loads(read_regular(path, max_size))
        known = Counter((e["path"], e["fingerprint"]) for e in data["findings"])
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline not found; "
                          f"create it with `factcheck baseline PATH... -o {path}`") from None
    except TooLarge:
        raise ConfigError(f"{path}: the baseline is larger than the {max_size:,}-byte limit; raise it with "
                          f"the max_size setting", option="max_size") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.strerror}; pass the file "
                          f"`factcheck baseline -o` wrote") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a factcheck baseline (JSON nested too deeply)") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a factcheck baseline ({exc})") from None
    return Baseline(path.parent, known)


def without_baseline(report: Report, baseline: Baseline) -> Report:
    """The report less the findings the baseline records (each recorded finding hides one)."""
    return Report.of(list(map(baseline_filter(baseline), report.files)))


def baseline_filter(baseline: Baseline) -> Callable[[FileReport], FileReport]:
    """`without_baseline` for one file report at a time, in the order of the batch (for a streamed report)."""
    left = Counter(baseline.known)

    def hide(f: FileReport) -> FileReport:
        kept = []
        path = relative_name(f.origin, baseline.folder)
        for x in f.findings:
            k = (path, x.fingerprint)
            if left[k] > 0:
                left[k] -= 1
            else:
                kept.append(x)
        return f if len(kept) == len(f.findings) else f.model_copy(update={"findings": tuple(kept)})

    return hide


__all__ = ["Baseline", "baseline_filter", "fingerprint", "read_baseline", "without_baseline", "write_baseline"]
