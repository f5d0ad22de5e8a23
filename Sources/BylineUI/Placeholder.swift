public enum PlaceholderBylineUI {}
