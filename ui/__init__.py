"""The desktop app (PySide6). The only package that imports Qt."""

# Registers the compiled resources (icons under :/icons, translations under :/translations).
import resources.rc_resources  # noqa: F401
