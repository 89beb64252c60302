from corrigenda.cli import main

main()
