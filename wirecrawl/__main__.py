from wirecrawl.cli import main

main()
