"""A small shared toolbox that no app owns. It imports no app, so every app may import it."""
