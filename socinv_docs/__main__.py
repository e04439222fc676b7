from socinv_docs.cli import main

main()
