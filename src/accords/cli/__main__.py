"""`python -m accords.cli` runs the `accords` command."""

from accords.cli import main

main()
