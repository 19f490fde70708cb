"""The window's frame: start-up, navigation, menus and the data tools."""
