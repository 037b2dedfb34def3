"""
axe-core in the browser tests: inject the vendored copy, run it, explain what fails.

axe is injected with `page.evaluate`, which goes through the DevTools
protocol: a Content-Security-Policy that refuses inline and foreign scripts
(and so `page.add_script_tag`) does not stop it, and the page under test is
not changed to let it in.
"""

import warnings
from functools import cache
from pathlib import Path

AXE_VERSION = "4.14.1"
AXE_SOURCE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"

# WCAG 2.0, 2.1 and 2.2, levels A and AA: what the site promises. axe's
# best practices (heading order, landmarks, one <h1>) ride along: at the same
# impact they fail the test too.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHECKED_TAGS = [*WCAG_TAGS, "best-practice"]
# What fails a test. Moderate and minor findings are reported as warnings
# in pytest's summary: worth fixing, but their impact depends on content
# and would make the suite flap.
FAILING_IMPACTS = {"serious", "critical"}


@cache
def axe_source():
    source = AXE_SOURCE.read_text(encoding="utf-8")
    # A stale or partial copy would run, find nothing and pass: refuse it.
    if f"axe v{AXE_VERSION}" not in source[:200]:
        raise RuntimeError(f"{AXE_SOURCE} is not axe-core {AXE_VERSION}; see its README.md")
    return source


def axe_violations(page, tags=CHECKED_TAGS):
    """Every axe violation of `tags` on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    results = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return {version: axe.version, violations: results.violations};
        }""",
        tags,
    )
    assert results["version"] == AXE_VERSION, results["version"]
    return results["violations"]


def describe(violations):
    """A report a developer can act on without opening the browser."""
    lines = []
    for violation in violations:
        impact, rule, help_text = violation["impact"], violation["id"], violation["help"]
        lines.append(f"[{impact}] {rule}: {help_text} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            target = " ".join(
                " > ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n         ")
            if summary:
                lines.append(f"         {summary}")
    return "\n".join(lines)


class AccessibilityWarning(UserWarning):
    """A moderate or minor axe finding: not fatal, shown in the test summary."""


def assert_accessible(page, label=None):
    """Fail with a readable report when axe finds serious or critical WCAG A/AA violations."""
    violations = axe_violations(page)
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    where = label or page.url
    others = [v for v in violations if v not in failing]
    if others:
        warnings.warn(f"on {where}:\n{describe(others)}", AccessibilityWarning, stacklevel=2)
    if failing:
        raise AssertionError(
            f"{len(failing)} serious or critical accessibility violation(s) on {where}:\n"
            + describe(failing)
        )
