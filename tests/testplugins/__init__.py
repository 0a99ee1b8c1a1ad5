"""Small plugins for the host's tests, loaded through fake entry points."""
