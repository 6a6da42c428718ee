from disclint.launch import main

main()
