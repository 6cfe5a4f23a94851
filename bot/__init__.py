"""devicebot: is this phone sold in my country, and will it work on my carrier?"""

__version__ = "0.1.0"
