"""Allow ``python -m carbon_glossary``."""

from carbon_glossary.cli import main

raise SystemExit(main())
