from .image import ImageBlock
from .quote import QuoteBlock
from .rich_text import RichTextBlock
from .video import VideoBlock

__all__ = ["ImageBlock", "QuoteBlock", "RichTextBlock", "VideoBlock"]
