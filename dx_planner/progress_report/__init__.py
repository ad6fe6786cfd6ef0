"""The quarterly progress report (進捗状況 / 今後の取組) in Markdown, HTML or Excel.

``service.write_report(engine, quarter, path, scenario_name=None)`` is the one-step entry
point (the CLI's ``report`` command and the GUI both call it). Nothing is imported here so
that the command line starts without loading openpyxl.
"""
