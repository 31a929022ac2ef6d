"""Everything that lets a build reuse earlier work: digests, atomic writes, the page, render and preview caches."""
