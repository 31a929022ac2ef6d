"""What is computed once per build from the Catalog: listings, related articles, reading lists, the source
library, feeds, cards, structured data, redirects, images. Reads content; never authoring or incremental plans."""
