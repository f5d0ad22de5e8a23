public enum PlaceholderBylineTerminal {}
