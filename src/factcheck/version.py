"""factcheck's version, at the bottom of the layers so that any module (a report's SARIF driver, the servers) can
name it without importing the package's front door, which loads the checker."""

__version__ = "0.1.0"
