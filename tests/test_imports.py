"""Checking loads only what it needs: networkx is for exporting a graph, dateparser for a date nothing
else gives, concurrent.futures for parallel runs. Each costs start-up time an editor waits for."""
import subprocess
import sys

CHECK = """
import datetime, sys
from factcheck import Checker
report = Checker().check_text("Rapat digelar pada Senin (7/12/2021), kata dia.", published=datetime.date(2021, 12, 6),
                              lang="id")
assert report.files[0].findings, "the wrong weekday is found"
print(sorted(m for m in ("networkx", "dateparser", "concurrent.futures.process") if m in sys.modules))
"""


def test_checking_an_article_with_a_known_date_loads_neither_networkx_nor_dateparser():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
