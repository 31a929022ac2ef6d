"""Benchmarks. ``make bench``: a deterministic corpus generator (``bench.corpus``, with
``bench.prose`` and ``bench.vocabulary``; the peers' formats in ``bench.peer_content``,
``bench.pelican_site`` and ``bench.hugo_site``), one instrumented build per process
(``bench.build_once``) and the runner that compares the product with its peers: the floor,
plain MkDocs + Material on the same articles, Pelican and Hugo (``bench.run``, table in
``bench.report``). ``bench.discovery`` times the discovery computations alone, without a build."""
