"""``python -m finsam_core`` is the ``finsam`` command."""

from finsam_core.cli import main

if __name__ == "__main__":
    main()
