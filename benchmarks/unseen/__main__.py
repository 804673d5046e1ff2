"""Print each unseen set's papers, classes and class sizes: `python -m benchmarks.unseen [--out DIR]`."""

from benchmarks.unseen.sets import main

raise SystemExit(main())
