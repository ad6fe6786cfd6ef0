"""Progress tracking: actual digitizations, published baselines and plan-vs-actual burn-ups."""
