"""The inventory workbook (planning-model.md §1): one template for import and export."""
