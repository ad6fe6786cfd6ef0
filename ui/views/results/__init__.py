"""The plan results: KPI tiles, progress chart, load heat map, stored scenarios."""
