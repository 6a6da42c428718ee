from disclint.cli import main

main()
