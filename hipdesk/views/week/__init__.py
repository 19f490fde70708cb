"""The Week page: the weekly planner with its model, delegate and undo commands."""
