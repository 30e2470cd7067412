"""The package has no import cycles: every module can be read after the ones it imports."""

from __future__ import annotations

from itertools import pairwise

import grimp
import pytest

PACKAGE = "hall_desk"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # No cache: a cache folder would land in the working tree, and a stale one could hide a cycle.
    return grimp.build_graph(PACKAGE, cache_dir=None)


def strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of two or more modules that import each other, directly or through others.

    Tarjan's algorithm, iterative (the package is deep enough to trouble recursion limits).
    Function-local and TYPE_CHECKING imports count: grimp reads every import statement.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    imported = sorted(graph.find_modules_directly_imported_by(child))
                    work.append((child, iter(imported)))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def one_cycle(graph: grimp.ImportGraph, group: list[str]) -> list[str]:
    """A concrete loop through the group's first module, as a readable chain of imports."""
    start = group[0]
    members = set(group)
    for step in sorted(graph.find_modules_directly_imported_by(start) & members):
        back = graph.find_shortest_chain(importer=step, imported=start)
        if back:
            return [start, *back]
    return group


def describe(graph: grimp.ImportGraph, chain: list[str]) -> str:
    lines = []
    for importer, imported in pairwise(chain):
        details = graph.get_import_details(importer=importer, imported=imported)
        where = ", ".join(f"line {d['line_number']}: {d['line_contents']}" for d in details)
        lines.append(f"  {importer} → {imported}  ({where})")
    return "\n".join(lines)


def test_the_package_has_no_import_cycle(graph):
    cycles = [one_cycle(graph, group) for group in strongly_connected(graph)]
    report = "\n\n".join(describe(graph, chain) for chain in cycles)
    assert not cycles, f"import cycle(s) in {PACKAGE}:\n{report}"


def test_the_cycle_finder_finds_a_planted_cycle():
    # The check above passes on an acyclic package; this proves it would notice a loop.
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c", "pkg.d"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b", line_number=3, line_contents="import b")
    graph.add_import(importer="pkg.b", imported="pkg.c", line_number=4, line_contents="import c")
    graph.add_import(importer="pkg.c", imported="pkg.a", line_number=5, line_contents="import a")
    graph.add_import(importer="pkg.d", imported="pkg.a", line_number=6, line_contents="import a")
    assert strongly_connected(graph) == [["pkg.a", "pkg.b", "pkg.c"]]
    assert one_cycle(graph, ["pkg.a", "pkg.b", "pkg.c"]) == ["pkg.a", "pkg.b", "pkg.c", "pkg.a"]
    assert "line 5: import a" in describe(graph, ["pkg.c", "pkg.a"])
