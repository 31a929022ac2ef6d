"""North River Publications' site generator: an engine-free core plus thin MkDocs adapters."""
