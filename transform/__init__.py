"""Transform: checks on extracted figures, and rows in the shape of the contract."""
