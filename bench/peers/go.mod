module github.com/profileimage/profileimage/bench/peers

go 1.26.0

require (
	github.com/davidbyttow/govips/v2 v2.16.0
	github.com/disintegration/imaging v1.6.2
	github.com/nfnt/resize v0.0.0-20180221191011-83c6a9932646
	github.com/profileimage/profileimage v0.0.0
	golang.org/x/image v0.47.0
)

require (
	golang.org/x/net v0.25.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)

replace github.com/profileimage/profileimage => ../..
