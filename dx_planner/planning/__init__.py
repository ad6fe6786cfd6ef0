"""Planning: turning the inventory into a solver problem, and solver plans into results."""
