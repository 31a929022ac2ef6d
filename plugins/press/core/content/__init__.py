"""Reading and checking content: the model, problems, front matter, validation, authors, the Catalog,
citations and links. Imports nothing from the other layers."""
