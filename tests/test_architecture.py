"""The shape of the code, as docs/architecture.md draws it: no import circle, one way from
learning into certificates, small modules, and imports inside functions that say why.

Read from the source with `ast`: nothing is imported, so these tests need no database.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("accounts", "certificates", "courses", "demo", "home", "training", "worker")
#: Application code: demo content and bench data apart.
APPLICATION = (
    "accounts",
    "api",
    "blended",
    "certificates",
    "courses",
    "home",
    "reports",
    "training",
    "worker",
)
MAX_LINES = 400

ENTRY_POINT_MODULE = "certificates.issuing"
ENTRY_POINT_NAME = "request_certificate"
ENTRY_POINT_CALLER = "courses.learning.completion"


def module_sources(packages: tuple[str, ...]) -> dict[str, str]:
    """{dotted module name: source} for every module of `packages`, migrations apart."""
    sources = {}
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            sources[".".join(parts)] = path.read_text(encoding="utf-8")
    return sources


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def module_level_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: at the top level, also inside `if`,
    `try` and `with` blocks, but not in functions, classes or `if TYPE_CHECKING:`."""
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not is_type_checking(node):
                pending.extend(node.body)
            pending.extend(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                pending.extend(block)
        elif isinstance(node, ast.With):
            pending.extend(node.body)


def imported_modules(
    node: ast.Import | ast.ImportFrom, importer: str, is_package: bool, ours: set[str]
) -> set[str]:
    """Our modules an import statement runs: its target and the target's package
    `__init__`s (importing `a.b.c` runs `a` and `a.b` first), except the importer's own."""
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = importer if is_package else importer.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        targets = [
            f"{base}.{alias.name}" if f"{base}.{alias.name}" in ours else base
            for alias in node.names
        ]
    modules = set()
    for target in targets:
        parts = target.split(".")
        for end in range(1, len(parts) + 1):
            name = ".".join(parts[:end])
            own_ancestor = importer == name or importer.startswith(name + ".")
            if name in ours and not own_ancestor:
                modules.add(name)
    return modules


def import_graph(sources: dict[str, str], packages: set[str] | None = None) -> dict[str, set]:
    """Which of our modules each module runs when it is imported."""
    ours = set(sources)
    packages = packages if packages is not None else {name for name in sources if "." not in name}
    graph = {}
    for name, source in sources.items():
        is_package = name in packages or any(other.startswith(name + ".") for other in ours)
        edges = set()
        for node in module_level_imports(ast.parse(source)):
            edges |= imported_modules(node, name, is_package, ours)
        graph[name] = edges - {name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as [a, b, …, a], or None (depth-first search)."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        trail.append(node)
        for successor in sorted(graph.get(node, ())):
            if state.get(successor) == "open":
                return [*trail[trail.index(successor) :], successor]
            if successor not in state and (cycle := visit(successor)):
                return cycle
        state[node] = "done"
        trail.pop()
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def all_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node


def function_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports inside function bodies, `if TYPE_CHECKING:` apart."""
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom):
                yield node


def comment_lines(source: str) -> set[int]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0] for token in tokens if token.type == tokenize.COMMENT}


# The project's own code


def test_no_import_cycle_between_the_projects_modules():
    cycle = find_cycle(import_graph(module_sources(PACKAGES)))
    assert cycle is None, "Import circle: " + " -> ".join(cycle or [])


def test_courses_reaches_certificates_and_worker_only_through_the_entry_point():
    offences = []
    for name, source in module_sources(("courses",)).items():
        for node in all_imports(ast.parse(source)):
            modules = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for module in modules:
                top = module.split(".")[0]
                if top == "worker":
                    offences.append(f"{name}:{node.lineno} imports {module}")
                elif top == "certificates":
                    names = [alias.name for alias in getattr(node, "names", [])]
                    allowed = (
                        name == ENTRY_POINT_CALLER
                        and module == ENTRY_POINT_MODULE
                        and names == [ENTRY_POINT_NAME]
                    )
                    if not allowed:
                        offences.append(f"{name}:{node.lineno} imports {module} {names}")
    assert not offences, "\n".join(offences)


def test_the_entry_point_exists_where_the_architecture_page_names_it():
    sources = module_sources(("certificates", "courses"))
    assert f"def {ENTRY_POINT_NAME}(" in sources[ENTRY_POINT_MODULE]
    assert f"from {ENTRY_POINT_MODULE} import {ENTRY_POINT_NAME}" in sources[ENTRY_POINT_CALLER]
    assert ENTRY_POINT_MODULE in (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_no_application_module_is_longer_than_400_lines():
    long = {
        name: source.count("\n")
        for name, source in module_sources(APPLICATION).items()
        if source.count("\n") > MAX_LINES
    }
    assert not long, f"Modules over {MAX_LINES} lines: {long}"


def test_imports_inside_functions_say_why():
    silent = []
    for name, source in module_sources(APPLICATION).items():
        comments = comment_lines(source)
        for node in function_imports(ast.parse(source)):
            if not {node.lineno, node.lineno - 1} & comments:
                silent.append(f"{name}:{node.lineno}")
    assert not silent, "Imports inside functions without a comment saying why: " + ", ".join(silent)


# The checks themselves: each can fail


def test_the_cycle_finder_finds_a_plain_circle_and_not_a_chain():
    circle = import_graph({"a": "import b\n", "b": "from a import thing\n"})
    chain = import_graph({"a": "import b\n", "b": "import c\n", "c": "x = 1\n"})
    assert find_cycle(circle) in (["a", "b", "a"], ["b", "a", "b"])
    assert find_cycle(chain) is None


def test_the_cycle_finder_counts_a_package_init_that_imports_back():
    """`q` imports `p.b`, which first runs the package `p`, whose `__init__` imports `p.a`,
    which imports `q`: a circle through the package init (as `courses.models` once was)."""
    sources = {"p": "from p.a import thing\n", "p.a": "import q\n", "p.b": "", "q": "import p.b\n"}
    assert find_cycle(import_graph(sources, packages={"p"})) is not None
    without_init_import = import_graph({**sources, "p": ""}, packages={"p"})
    assert find_cycle(without_init_import) is None


def test_imports_in_functions_and_for_type_checking_do_not_count_as_circles():
    sources = {
        "a": "import b\n",
        "b": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\n"
        "def later():\n    import a\n",
    }
    assert find_cycle(import_graph(sources)) is None
    tree = ast.parse(sources["b"])
    assert [node.lineno for node in function_imports(tree)] == [5]
    assert 5 not in comment_lines(sources["b"])
