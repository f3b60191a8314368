"""JUnit XML for CI test tabs: one test case per file; a finding is a failure, an unreadable file an error."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..models import Report
from ..text import visible
from . import FLAGS


def render(report: Report, **_) -> str:
    failures = sum(1 for f in report.files if f.findings)
    errors = sum(1 for f in report.files if f.problem)
    suite = ET.Element("testsuite", name="factcheck", tests=str(len(report.files)), failures=str(failures),
                       errors=str(errors), skipped="0")
    for f in report.files:
        # XML 1.0 cannot hold most control characters at all: each is written as its escape
        case = ET.SubElement(suite, "testcase", classname="factcheck", name=visible(f.path))
        if f.problem:
            error = visible(f.problem.text(FLAGS))
            ET.SubElement(case, "error", message=error, type="input").text = error
        elif f.findings:
            lines = [f"{x.evidence[0].line}:{x.evidence[0].column} {x.severity} {x.rule}: {visible(x.message)}"
                     + (f" Fix: {visible(x.suggestion)}" if x.suggestion else "") for x in f.findings]
            failure = ET.SubElement(case, "failure", message=f"{len(f.findings)} finding(s)", type="factcheck")
            failure.text = "\n".join(lines)
    root = ET.Element("testsuites", name="factcheck", tests=str(len(report.files)), failures=str(failures),
                      errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
