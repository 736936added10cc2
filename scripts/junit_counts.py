"""Print "passed failed skipped" from a pytest JUnit XML report (0 0 0 if absent)."""

import sys
import xml.etree.ElementTree as ET


def counts(path):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return 0, 0, 0
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = failed = skipped = 0
    for suite in suites:
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return max(total - failed - skipped, 0), failed, skipped


if __name__ == "__main__":
    print(*counts(sys.argv[1]))
