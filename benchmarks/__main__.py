"""Run every benchmark: `python -m benchmarks` (or `make bench`).

Every module of this package with a `main()` is a benchmark; they run in name order,
each with its default options.
"""

import importlib
import pkgutil

import benchmarks


def main() -> None:
    for module in sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__)):
        if module.startswith("_"):
            continue
        benchmark = importlib.import_module(f"benchmarks.{module}")
        run = getattr(benchmark, "main", None)
        if not callable(run):
            continue
        if _takes_arguments(run):
            run([])  # no command-line options of ours: each runs with its defaults
        else:
            run()
        print()


def _takes_arguments(function: object) -> bool:
    code = getattr(function, "__code__", None)
    return code is not None and code.co_argcount > 0


if __name__ == "__main__":
    main()
