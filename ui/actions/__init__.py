"""The user's actions (use cases), one small module each.

Each module offers plain functions of the main window (``run(window, …)``) and lists the
menu entries it contributes in ``ACTIONS`` (:class:`ui.actions.base.ActionSpec`); the
registry (``ui.registry``) lists the modules, and the main window builds its menus and
toolbar from it. Background work goes through the window's ``TaskRunner``.
"""
