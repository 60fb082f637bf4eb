module github.com/profileimage/profileimage

go 1.26.0

require (
	github.com/leanovate/gopter v0.2.11
	github.com/rwcarlsen/goexif v0.0.0-20190401172101-9e8deecbddbd
	golang.org/x/image v0.47.0
)
