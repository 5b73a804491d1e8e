"""The roadmap board: lanes as columns, initiatives as cards that the room rearranges live."""
