"""A plugin that fails to import."""

raise ImportError("beroendet saknas")
