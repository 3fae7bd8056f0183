"""What a reader gets: directives and pages, rendering, downloads, theme, HTML fixes, exports."""
