"""Benchmarks. ``make bench``: a deterministic corpus generator (``bench.corpus``, with
``bench.prose`` and ``bench.vocabulary``), one instrumented build per process
(``bench.build_once``) and the runner that compares the product with the floor, plain
MkDocs + Material on the same articles (``bench.run``, table in ``bench.report``).
``bench.discovery`` times the discovery computations alone, without a build."""
